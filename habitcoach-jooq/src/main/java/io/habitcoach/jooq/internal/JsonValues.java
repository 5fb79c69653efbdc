package io.habitcoach.jooq.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jackson's tree as plain Java values, so that no Jackson type reaches the public API (a Spring Boot 4
 * host has Jackson 3, whose types are not these): objects become unmodifiable maps (in the tree's key order),
 * arrays unmodifiable lists, and scalars String, Boolean, Integer/Long/BigInteger, Double/BigDecimal
 * or null.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /** The Java value of a JSON object node, or null for null or a JSON null. */
    public static Map<String, Object> object(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value(node);
        return map;
    }

    private static Object value(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(field -> map.put(field.getKey(), value(field.getValue())));
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(value(element)));
            return Collections.unmodifiableList(list);
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return null;   // JSON null (jsonb holds no binary or POJO nodes)
    }
}

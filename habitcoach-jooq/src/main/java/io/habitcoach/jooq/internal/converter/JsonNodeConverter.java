package io.habitcoach.jooq.internal.converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.habitcoach.core.InvalidInputException;
import org.jooq.Converter;
import org.jooq.JSONB;

/** JSONB columns to Jackson {@link JsonNode}s. */
public final class JsonNodeConverter implements Converter<JSONB, JsonNode> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonNodeConverter() {
    }

    /** For the generated tables (the forced type's {@code <converter>} in habitcoach-jooq's pom.xml). */
    public static JsonNodeConverter create() {
        return new JsonNodeConverter();
    }

    @Override
    public JsonNode from(JSONB json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json.data());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("json", "valid JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public JSONB to(JsonNode node) {
        return node == null ? null : JSONB.valueOf(node.toString());
    }

    @Override
    public Class<JSONB> fromType() {
        return JSONB.class;
    }

    @Override
    public Class<JsonNode> toType() {
        return JsonNode.class;
    }
}

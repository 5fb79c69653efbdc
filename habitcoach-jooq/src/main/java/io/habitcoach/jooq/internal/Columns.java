package io.habitcoach.jooq.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.SelectField;

/**
 * Explicit select lists. {@code table.asterisk()} renders {@code table.*}, which also returns
 * columns the code generator does not know (such as generated search columns) and shifts every
 * field after them; naming the generated fields keeps reads exact whatever a migration adds.
 */
public final class Columns {

    private Columns() {
    }

    /** Flattens field arrays ({@code TABLE.fields()}), lists of fields and single fields into one select list. */
    public static SelectField<?>[] of(Object... parts) {
        List<SelectField<?>> fields = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof SelectField<?>[] array) {
                fields.addAll(Arrays.asList(array));
            } else if (part instanceof List<?> list) {
                list.forEach(field -> fields.add((SelectField<?>) field));
            } else if (part instanceof SelectField<?> field) {
                fields.add(field);
            } else {
                throw new IllegalArgumentException("not a select field: " + part);
            }
        }
        return fields.toArray(SelectField<?>[]::new);
    }
}

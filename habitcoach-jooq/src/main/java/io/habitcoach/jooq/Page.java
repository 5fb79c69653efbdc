package io.habitcoach.jooq;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list, read with a {@link PageRequest}.
 *
 * @param items      the items, in the list's order
 * @param nextCursor the cursor of the next page ({@link PageRequest#after}), or empty when this page is the
 *                   last. Opaque text (URL-safe base64): pass it back as it is. It is not a secret and not
 *                   a credential: it only says where the list continues, and every page is read for the
 *                   user the call names.
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /** Whether there may be more items after this page. */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}

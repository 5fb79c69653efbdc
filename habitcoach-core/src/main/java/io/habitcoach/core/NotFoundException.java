package io.habitcoach.core;

/**
 * The entity does not exist for this user. Thrown alike for ids that do not exist and for ids that
 * belong to another user, so that a caller cannot probe for other users' data.
 */
public class NotFoundException extends HabitCoachException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String id;

    public NotFoundException(String entity, String id) {
        super(entity + " not found: " + id);
        this.entity = entity;
        this.id = id;
    }

    public String entity() {
        return entity;
    }

    public String id() {
        return id;
    }
}

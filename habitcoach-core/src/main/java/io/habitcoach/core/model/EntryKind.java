package io.habitcoach.core.model;

import io.habitcoach.core.Coded;

/** What a habit entry records for a day: done, or deliberately skipped (a rest day). */
public enum EntryKind implements Coded {
    DONE("done"),
    SKIPPED("skipped");

    private final String code;

    EntryKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static EntryKind fromCode(String code) {
        return Coded.fromCode(EntryKind.class, code, "entryKind");
    }
}

package io.habitcoach.jooq.analytics;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A recorded analytics event.
 *
 * @param data the event's JSON object as plain Java values (unmodifiable maps and lists, String, Boolean,
 *             Number, null; keys in jsonb's order, not the caller's), or null. No JSON library's type is part of the API.
 */
public record AnalyticsEvent(
        String id,
        String userId,
        String eventName,
        Map<String, Object> data,
        String userAgent,
        String ipAddress,
        OffsetDateTime createdAt) {
}

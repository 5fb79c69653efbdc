package io.habitcoach.jooq.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A recorded analytics event.
 *
 * @param data a JSON object, or null
 */
public record AnalyticsEvent(
        String id,
        String userId,
        String eventName,
        JsonNode data,
        String userAgent,
        String ipAddress,
        OffsetDateTime createdAt) {
}

/** Coach events and the {@code CoachPersonality} SPI that turns them into messages. */
package io.habitcoach.core.coach;

/**
 * Goal rules: subtask status moves with their completion instant, the goal's subtask counts and the
 * status they lead to, and the start date / deadline check.
 */
package io.habitcoach.core.goal;

package io.habitcoach.jooq;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.jooq.internal.ReplicaRouter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The read replica, when {@link HabitCoach.Builder#readDataSource} configured one: read-your-writes
 * tokens for hosts with several instances, and counters. Obtain it from {@link HabitCoach#readReplica()}.
 *
 * <p>Within one instance nothing is needed: after a user's write commits, that instance remembers the
 * primary's WAL position for the user and sends the user's replica reads to the primary until the
 * replica has replayed it. Behind a load balancer the user's next request may reach another instance,
 * which has not seen the write. Carry the position in the user's (server-side) session:
 *
 * <pre>{@code
 * // after a request that wrote:
 * coach.readReplica().token(userId).ifPresent(t -> session.setAttribute("habitcoach.rw", t));
 * // at the start of every request:
 * String t = (String) session.getAttribute("habitcoach.rw");
 * if (t != null) coach.readReplica().observe(userId, t);
 * }</pre>
 *
 * <p>A token is short ({@code rw1.} and a WAL position, at most 21 characters) and opaque: only
 * {@link #observe} reads it. It is not secret and not signed; a forged one can only send that user's
 * reads to the primary. See {@code docs/scale-out.md}, "Read replicas".
 */
public final class ReadReplica {

    private static final String PREFIX = "rw1.";
    private static final Pattern TOKEN = Pattern.compile("rw1\\.[0-9A-F]{1,8}-[0-9A-F]{1,8}");

    private final ReplicaRouter router;

    ReadReplica(ReplicaRouter router) {
        this.router = router;
    }

    /** Whether a read data source is configured (without one every read is on the primary). */
    public boolean configured() {
        return router != null;
    }

    /**
     * The user's read-your-writes token: the position of their last write this instance knows of
     * (its own, or one {@link #observe}d); empty when there is none or no replica is configured.
     */
    public Optional<String> token(String userId) {
        InvalidInputException.requirePresent(userId, "userId");
        if (router == null) {
            return Optional.empty();
        }
        long position = router.position(userId);
        return position == 0 ? Optional.empty()
                : Optional.of(PREFIX + ReplicaRouter.Lsn.format(position).replace('/', '-'));
    }

    /**
     * Makes this instance's replica reads for {@code userId} wait for the write the token names (reads
     * go to the primary until the replica has replayed it). A no-op without a replica; an older
     * position than one already known changes nothing.
     *
     * @throws InvalidInputException naming {@code token} when it is not one {@link #token} returned
     */
    public void observe(String userId, String token) {
        InvalidInputException.requirePresent(userId, "userId");
        InvalidInputException.requirePresent(token, "token");
        InvalidInputException.require(TOKEN.matcher(token).matches(), "token",
                "a token from ReadReplica.token(..) (rw1.<hex>-<hex>), got " + token.length() + " characters");
        if (router != null) {
            router.observe(userId, ReplicaRouter.Lsn.parse(token.substring(PREFIX.length()).replace('-', '/')));
        }
    }

    /** Counters since this instance started (all zero without a replica). */
    public Stats stats() {
        if (router == null) {
            return new Stats(0, 0, 0, 0);
        }
        ReplicaRouter.Counts c = router.counts();
        return new Stats(c.replicaReads(), c.primaryReadsAwaitingReplay(), c.fallbacksReplicaDown(),
                c.fallbacksReplicaLagging());
    }

    /**
     * Where the replica-eligible reads went.
     *
     * @param replicaReads               reads served by the replica
     * @param primaryReadsAwaitingReplay reads sent to the primary because the replica had not yet replayed
     *                                   the user's last write (read-your-writes; normal, brief)
     * @param fallbacksReplicaDown       reads sent to the primary because the replica was unreachable or
     *                                   failed the read
     * @param fallbacksReplicaLagging    reads sent to the primary because the replica lagged more than
     *                                   {@link HabitCoach.Builder#replicaMaxLag}
     */
    public record Stats(long replicaReads, long primaryReadsAwaitingReplay, long fallbacksReplicaDown,
            long fallbacksReplicaLagging) {

        /** All reads that went to the primary instead of the replica. */
        public long primaryFallbacks() {
            return primaryReadsAwaitingReplay + fallbacksReplicaDown + fallbacksReplicaLagging;
        }
    }
}

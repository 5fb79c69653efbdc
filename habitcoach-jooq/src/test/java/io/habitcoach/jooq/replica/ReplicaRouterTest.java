package io.habitcoach.jooq.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.jooq.internal.ReplicaRouter;
import io.habitcoach.jooq.internal.ReplicaRouter.Lsn;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The read-your-writes bookkeeping without a database: WAL positions and the bounded map. */
class ReplicaRouterTest {

    @Test
    void walPositionsParseAndPrintAsPostgreSqlWritesThem() {
        assertThat(Lsn.parse("0/16B3748")).isEqualTo(0x16B3748L);
        assertThat(Lsn.parse("1/0")).isEqualTo(1L << 32);
        assertThat(Lsn.format(Lsn.parse("3A/6F1C8"))).isEqualTo("3A/6F1C8");
        assertThat(Lsn.parse("0/2")).isGreaterThan(Lsn.parse("0/1"));
        assertThat(Lsn.parse("1/0")).isGreaterThan(Lsn.parse("0/FFFFFFFF"));
        for (String bad : new String[] {"", "/", "1/", "/1", "16B3748", "1/2/3", "G/0", "100000000/0", null}) {
            assertThatThrownBy(() -> Lsn.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aUsersPositionOnlyRises() {
        ReplicaRouter router = ReplicaRouter.create(null, null, Duration.ofSeconds(10), Duration.ofSeconds(1), 10);
        router.observe("ana", 500);
        router.observe("ana", 300);
        assertThat(router.position("ana")).isEqualTo(500);
        assertThat(router.position("bob")).isZero();
    }

    @Test
    void pastItsBoundTheMapFoldsIntoOneFloorThatKeepsEveryUserSafe() {
        ReplicaRouter router = ReplicaRouter.create(null, null, Duration.ofSeconds(10), Duration.ofSeconds(1), 2);
        router.observe("ana", 100);
        router.observe("bob", 300);
        assertThat(router.trackedUsers()).isEqualTo(2);

        router.observe("cid", 200);   // a third user: over the bound

        assertThat(router.trackedUsers()).isZero();
        // nobody's read may go to a replica that has not replayed the highest write it forgot
        assertThat(router.position("ana")).isEqualTo(300);
        assertThat(router.position("cid")).isEqualTo(300);
        assertThat(router.position("someone else")).isEqualTo(300);
    }
}

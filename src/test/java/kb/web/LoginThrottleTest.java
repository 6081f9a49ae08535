package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(1), 1_000, now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void theTenthFailureWithinTheWindowBlocksUntilTheWindowEnds() {
        for (int i = 1; i <= 9; i++) {
            assertFalse(throttle.failed("10.0.0.1"), "failure " + i);
            assertEquals(OptionalLong.empty(), throttle.blockedFor("10.0.0.1"));
        }
        advance(Duration.ofSeconds(20));
        assertTrue(throttle.failed("10.0.0.1"), "the tenth blocks, and says so once");
        assertEquals(OptionalLong.of(40), throttle.blockedFor("10.0.0.1"));
        assertEquals(OptionalLong.empty(), throttle.blockedFor("10.0.0.2"), "other addresses are not affected");
        advance(Duration.ofMillis(39_500));
        assertEquals(OptionalLong.of(1), throttle.blockedFor("10.0.0.1"), "Retry-After rounds up");
        advance(Duration.ofMillis(500));
        assertEquals(OptionalLong.empty(), throttle.blockedFor("10.0.0.1"), "the block ends with the window");
        assertFalse(throttle.failed("10.0.0.1"), "a new window starts from zero");
    }

    @Test
    void failuresSpreadOverMoreThanAWindowNeverBlock() {
        for (int i = 0; i < 30; i++) {
            assertFalse(throttle.failed("10.0.0.1"));
            advance(Duration.ofSeconds(7));
            if (i % 9 == 8) {
                advance(Duration.ofMinutes(1));
            }
        }
    }

    @Test
    void successClearsTheCount() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("10.0.0.1");
        }
        throttle.succeeded("10.0.0.1");
        assertFalse(throttle.failed("10.0.0.1"));
        assertEquals(OptionalLong.empty(), throttle.blockedFor("10.0.0.1"));
    }

    @Test
    void memoryStaysBoundedHoweverManyAddressesTry() {
        for (int i = 0; i < 100_000; i++) {
            throttle.failed("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
            assertTrue(throttle.size() <= 1_000);
        }
        assertEquals(1_000, throttle.size());
    }

    @Test
    void ipv6AddressesCountByTheirSlash64() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("2001:db8:1:2:" + Integer.toHexString(i) + "::" + i);
        }
        assertTrue(throttle.blockedFor("2001:db8:1:2::99").isPresent(), "the same /64 is blocked");
        assertTrue(throttle.blockedFor("[2001:0db8:0001:0002:ffff::1]").isPresent(), "however it is written");
        assertFalse(throttle.blockedFor("2001:db8:1:3::1").isPresent(), "the next /64 is not");
        assertEquals("192.0.2.1", LoginThrottle.key("192.0.2.1"));
    }

    @Test
    void concurrentFailuresAreAllCountedAndBlockExactlyOnce() throws Exception {
        LoginThrottle shared = new LoginThrottle(10, Duration.ofMinutes(1), 1_000, now::get);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger blocks = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int i = 0; i < 8; i++) {
                pool.submit(() -> {
                    go.await();
                    for (int j = 0; j < 100; j++) {
                        if (shared.failed("10.0.0.1")) {
                            blocks.incrementAndGet();
                        }
                        shared.failed("10.1.0." + j);
                    }
                    return null;
                });
            }
            go.countDown();
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(1, blocks.get());
        assertTrue(shared.blockedFor("10.0.0.1").isPresent());
        assertEquals(101, shared.size());
    }
}

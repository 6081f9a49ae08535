package kb.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Counts failed admin logins per client address. Once an address has failed {@code maxFailures} times within
 * {@code window} of its first failure, it is blocked until that window ends: every attempt then, with a right token
 * or not, is refused without being checked, so a blocked guesser learns nothing. A successful login clears the
 * count. IPv6 addresses count by their /64 prefix, since one machine commonly holds a whole /64. At most
 * {@code maxAddresses} are remembered (expired ones are dropped first, then the least recently seen), so memory
 * stays bounded however many addresses try. Thread-safe.
 */
final class LoginThrottle {
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 10_000;

    private final int maxFailures;
    private final long windowNanos;
    private final int maxAddresses;
    private final LongSupplier nanoTime;
    /** Access-ordered, so the eldest entry is the address seen least recently. */
    private final LinkedHashMap<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true);

    LoginThrottle() {
        this(MAX_FAILURES, WINDOW, MAX_ADDRESSES, System::nanoTime);
    }

    LoginThrottle(int maxFailures, Duration window, int maxAddresses, LongSupplier nanoTime) {
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.maxAddresses = maxAddresses;
        this.nanoTime = nanoTime;
    }

    private static final class Failures {
        final long since;
        int count;

        Failures(long since) {
            this.since = since;
        }
    }

    /** Seconds (at least 1) until {@code address} may try again, or empty when it may try now. */
    synchronized OptionalLong blockedFor(String address) {
        long now = nanoTime.getAsLong();
        Failures f = current(key(address), now);
        if (f == null || f.count < maxFailures) {
            return OptionalLong.empty();
        }
        long left = f.since + windowNanos - now;
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left + TimeUnit.SECONDS.toNanos(1) - 1)));
    }

    /** Records a failure; returns true when this one blocks the address (so the caller can warn once). */
    synchronized boolean failed(String address) {
        long now = nanoTime.getAsLong();
        String key = key(address);
        Failures f = current(key, now);
        if (f == null) {
            makeRoom(now);
            f = new Failures(now);
            failures.put(key, f);
        }
        f.count++;
        return f.count == maxFailures;
    }

    synchronized void succeeded(String address) {
        failures.remove(key(address));
    }

    synchronized int size() {
        return failures.size();
    }

    /** The address's failures in the current window, forgetting them once the window has passed. */
    private Failures current(String key, long now) {
        Failures f = failures.get(key);
        if (f != null && now - f.since >= windowNanos) {
            failures.remove(key);
            return null;
        }
        return f;
    }

    private void makeRoom(long now) {
        if (failures.size() < maxAddresses) {
            return;
        }
        failures.values().removeIf(f -> now - f.since >= windowNanos);
        Iterator<Map.Entry<String, Failures>> eldest = failures.entrySet().iterator();
        while (failures.size() >= maxAddresses && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    /** IPv6 addresses by their /64 network; anything else (IPv4, or not an address literal) as given. */
    static String key(String address) {
        if (address == null) {
            return "";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address.replace("[", "").replace("]", "")).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                prefix.append(String.format("%02x", bytes[i]));
            }
            return prefix.append("::/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}

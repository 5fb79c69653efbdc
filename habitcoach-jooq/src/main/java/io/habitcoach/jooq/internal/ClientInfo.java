package io.habitcoach.jooq.internal;

import io.habitcoach.core.InvalidInputException;
import java.util.Locale;

/**
 * Validation of what a host passes on from an HTTP request: the user agent and the client's IP
 * address. The IP is checked as text only: {@link java.net.InetAddress} would resolve a host name
 * through DNS, which a validation must never do.
 */
public final class ClientInfo {

    public static final int MAX_USER_AGENT = 1_000;
    public static final int MAX_IP = 64;

    private ClientInfo() {
    }

    /** Optional; at most 1,000 characters, no NUL. */
    public static String userAgent(String userAgent) {
        return Texts.optional("userAgent", userAgent, MAX_USER_AGENT);
    }

    /** Optional; an IPv4 or IPv6 literal (no zone, no brackets, no port), stored lower-cased. */
    public static String ipAddress(String ipAddress) {
        String value = Texts.optional("ipAddress", ipAddress, MAX_IP);
        if (value == null) {
            return null;
        }
        if (!isIpv4(value) && !isIpv6(value)) {
            throw new InvalidInputException("ipAddress", "an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::1");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            if (part.length() > 1 && part.charAt(0) == '0') { // 010 is octal to some parsers: refuse
                return false;
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String s) {
        if (s.length() < 2 || s.indexOf(':') < 0) {
            return false;
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false; // "::" at most once
        }
        String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
        String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
        int groups = 0;
        String[] sides = doubleColon >= 0 ? new String[] {head, tail} : new String[] {head};
        for (int side = 0; side < sides.length; side++) {
            if (sides[side].isEmpty()) {
                continue;
            }
            String[] parts = sides[side].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                boolean last = side == sides.length - 1 && i == parts.length - 1;
                if (last && part.indexOf('.') >= 0) {
                    if (!isIpv4(part)) {
                        return false;
                    }
                    groups += 2;
                } else if (part.isEmpty() || part.length() > 4 || !isHex(part)) {
                    return false;
                } else {
                    groups++;
                }
            }
        }
        // "::" stands for at least one zero group
        return doubleColon >= 0 ? groups <= 7 : groups == 8;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}

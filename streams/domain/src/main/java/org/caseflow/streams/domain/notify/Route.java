package org.caseflow.streams.domain.notify;

import java.util.Optional;

/** One delivery an alert calls for: to {@code recipient}, reached as {@code role}, over {@code channel}. */
public record Route(String recipient, String role, Channel channel, Optional<String> url) {
}

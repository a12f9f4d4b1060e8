package org.caseflow.streams.domain.notify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.events.AlertLevel;
import org.caseflow.streams.domain.rules.Procedure;

/**
 * Resolves an alert's {@code escalateTo} roles to recipients (DESIGN.md section 9). Every rule that answers for a role
 * and accepts the alert's level, court and procedure yields a route; a recipient reached through two roles gets one
 * message (the first role's), because deliveries are one per (alert, recipient). Without rules ("open" routing, the
 * {@code --webhook URL} / {@code --alertmanager URL} shortcut) every role is its own recipient on every given channel.
 */
public final class Routing {
    private final List<RecipientRule> rules;
    private final List<Channel> openChannels;

    private Routing(List<RecipientRule> rules, List<Channel> openChannels) {
        this.rules = List.copyOf(rules);
        this.openChannels = List.copyOf(openChannels);
    }

    public static Routing byRules(List<RecipientRule> rules) {
        return new Routing(rules, List.of());
    }

    /** Every role reference is a recipient, on each of {@code channels}. */
    public static Routing open(List<Channel> channels) {
        return new Routing(List.of(), channels);
    }

    /** The routes of one alert, plus the roles nobody answers for (the caller counts and logs those). */
    public Result route(List<String> escalateTo, AlertLevel level, CourtId court, Procedure procedure) {
        List<Route> routes = new ArrayList<>();
        List<String> unrouted = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String role : escalateTo) {
            boolean answered = false;
            if (rules.isEmpty()) {
                for (Channel channel : openChannels) {
                    if (seen.add(role + "\u0000" + channel)) {
                        routes.add(new Route(role, role, channel, Optional.empty()));
                    }
                }
                answered = !openChannels.isEmpty();
            }
            for (RecipientRule rule : rules) {
                if (rule.answersFor(role)) {
                    answered = true;
                    if (rule.accepts(level, court, procedure) && seen.add(rule.id())) {
                        routes.add(new Route(rule.id(), role, rule.channel(), rule.url()));
                    }
                }
            }
            if (!answered) {
                unrouted.add(role);
            }
        }
        return new Result(routes, unrouted);
    }

    /**
     * The routes of one digest (DESIGN.md section 9): the same resolution of its role reference as for an alert's
     * roles; a rule's court filter applies to the digest's court, its level and procedure filters do not (a digest spans
     * levels and procedures).
     */
    public Result routeDigest(String role, CourtId court) {
        List<Route> routes = new ArrayList<>();
        if (rules.isEmpty()) {
            openChannels.forEach(channel -> routes.add(new Route(role, role, channel, Optional.empty())));
            return new Result(routes, openChannels.isEmpty() ? List.of(role) : List.of());
        }
        boolean answered = false;
        for (RecipientRule rule : rules) {
            if (rule.answersFor(role)) {
                answered = true;
                if (court == null || rule.courts().isEmpty() || rule.courts().contains(court)) {
                    routes.add(new Route(rule.id(), role, rule.channel(), rule.url()));
                }
            }
        }
        return new Result(routes, answered ? List.of() : List.of(role));
    }

    /**
     * @param unrouted roles no rule answers for at all (a role answered for but filtered out by level, court or
     *                 procedure is routed nowhere on purpose and is not listed)
     */
    public record Result(List<Route> routes, List<String> unrouted) {
    }
}

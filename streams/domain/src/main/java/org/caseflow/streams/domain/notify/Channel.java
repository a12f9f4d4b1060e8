package org.caseflow.streams.domain.notify;

/** How a recipient hears of an alert: a JSON POST to a webhook, or an alert pushed to Prometheus Alertmanager. */
public enum Channel { WEBHOOK, ALERTMANAGER }

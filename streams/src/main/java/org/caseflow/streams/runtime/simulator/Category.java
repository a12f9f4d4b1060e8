package org.caseflow.streams.runtime.simulator;

/** Case category; picks divisions, suspension reasons and what follows a judgment. */
enum Category {
    CIVIL, CRIMINAL, ADMINISTRATIVE, ENFORCEMENT
}

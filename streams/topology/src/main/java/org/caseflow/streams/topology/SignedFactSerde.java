package org.caseflow.streams.topology;

import org.caseflow.streams.domain.indicators.SignedFact;

/** JSON serde of the facts topic. */
public final class SignedFactSerde extends JsonSerde<SignedFact> {
    public SignedFactSerde() {
        super(SignedFact.class);
    }
}

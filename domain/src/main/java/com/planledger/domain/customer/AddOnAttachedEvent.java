package com.planledger.domain.customer;

import org.axonframework.serialization.Revision;

/** An add-on was attached, or its quantity changed. */
@Revision("1")
public record AddOnAttachedEvent(String customerId, String partnerId, String code, int quantity) implements CustomerEvent {
}

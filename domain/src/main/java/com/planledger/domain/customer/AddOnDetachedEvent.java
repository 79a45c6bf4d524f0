package com.planledger.domain.customer;

import org.axonframework.serialization.Revision;

/** An add-on was detached. */
@Revision("1")
public record AddOnDetachedEvent(String customerId, String partnerId, String code) implements CustomerEvent {
}

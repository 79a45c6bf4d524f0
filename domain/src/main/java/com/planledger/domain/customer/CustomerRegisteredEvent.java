package com.planledger.domain.customer;

import org.axonframework.serialization.Revision;

/** A customer account was registered. */
@Revision("1")
public record CustomerRegisteredEvent(String customerId, String partnerId, CompanyName companyName, EmailAddress email) implements CustomerEvent {
}

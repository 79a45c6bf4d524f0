package com.planledger.domain.customer;

import java.util.List;

import org.axonframework.serialization.Revision;

/** Company name and/or e-mail changed; {@code changedFields} names which. */
@Revision("1")
public record CustomerProfileUpdatedEvent(String customerId, String partnerId, CompanyName companyName, EmailAddress email,
                                          List<String> changedFields) implements CustomerEvent {
}

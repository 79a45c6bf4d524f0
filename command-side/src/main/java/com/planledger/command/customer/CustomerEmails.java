package com.planledger.command.customer;

import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.customer.EmailAddress;

/**
 * The command side's view of which e-mails a partner's customers use. Customer command handlers ask it for a fast,
 * clear refusal; the reservation itself is made atomically when the customer's event is stored.
 */
public interface CustomerEmails {

    /** Whether {@code email} is used by a customer of {@code partnerId} other than {@code customerId}. */
    boolean isTakenByAnother(String partnerId, EmailAddress email, String customerId);

    /** The refusal when an e-mail is taken. */
    static DomainException taken(EmailAddress email) {
        return new DomainException(ErrorCode.CUSTOMER_EMAIL_TAKEN, "email",
                "another customer of this partner already uses " + email.value());
    }
}

package com.planledger.command.customer;

/**
 * The partner's invoice sequence, a set rule kept on the command side (like unique plan names): gapless and never
 * reused. A number is claimed inside the unit of work that issues the invoice; a unit of work that rolls back gives
 * it back, and the next invoice of the partner takes it. Implemented by
 * {@link com.planledger.command.lookup.InvoiceSequences}.
 */
public interface InvoiceNumbers {

    /** The prefix of every invoice number until partner settings configure one. */
    String DEFAULT_PREFIX = "INV-";

    /** The next number of {@code partnerId}'s sequence (from 1), claimed inside the current unit of work. */
    long next(String partnerId);
}

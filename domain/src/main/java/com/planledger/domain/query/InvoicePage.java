package com.planledger.domain.query;

import java.util.List;

/** A page of invoices. */
public record InvoicePage(List<InvoiceView> items, int page, int size, long total) {
}

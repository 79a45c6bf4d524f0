package com.planledger.domain.query;

import java.util.List;

/** A page of customers. */
public record CustomerPage(List<CustomerView> items, int page, int size, long total) {
}

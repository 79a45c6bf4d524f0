package com.planledger.domain.query;

import java.util.List;

/** A page of plans. */
public record PlanPage(List<PlanView> items, int page, int size, long total) {
}

package com.planledger.query.admin;

import com.planledger.query.catalog.PlanCatalogProjection;

import java.util.List;

/** The read models of the query side: one processing group each, named as in the admin API. */
public final class ReadModels {

    /** Every read model's processing group. */
    public static final List<String> GROUPS = List.of(PlanCatalogProjection.GROUP);

    private ReadModels() {
    }
}

package com.planledger.domain.query;

/** A partner's dashboard; also the subscription query behind the dashboard stream. */
public record DashboardQuery(String partnerId) {
}

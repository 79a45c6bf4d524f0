package com.planledger.domain.plan;

/** PUBLIC plans are listed on the partner's pricing page; PRIVATE ones are hidden but still assignable. */
public enum Visibility {
    PUBLIC,
    PRIVATE
}

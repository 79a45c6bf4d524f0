package com.planledger.domain.customer;

/** The role of a customer's team member. */
public enum UserRole {
    OWNER,
    ADMIN,
    MEMBER
}

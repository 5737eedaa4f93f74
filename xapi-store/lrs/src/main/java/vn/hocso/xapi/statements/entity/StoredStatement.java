package vn.hocso.xapi.statements.entity;

/**
 * A statement read back from storage: its JSON text exactly as stored, when it was stored and
 * whether a voiding statement has voided it since (xAPI 2.0 Part 2 §2.3.2).
 */
public record StoredStatement(
    String id, long storedMicros, String json, boolean voided, boolean voiding) {}

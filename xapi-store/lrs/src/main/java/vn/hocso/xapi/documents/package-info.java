/**
 * The document resources (xAPI 2.0 Part 3 §2.3 State, §2.6 Agent Profile, §2.7 Activity Profile;
 * 1.0.3 §7.4–7.6): documents of any content type addressed by activity, agent, registration and id,
 * with JSON merge on POST and ETag concurrency (Part 3 §2.2, §1.3 "Concurrency").
 */
package vn.hocso.xapi.documents;

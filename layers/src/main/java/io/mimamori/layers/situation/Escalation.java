package io.mimamori.layers.situation;

import java.time.Instant;
import java.util.List;

/**
 * A safety check whose latest status asks HQ to act (needs help, could not reach): where (the
 * district), how urgent (band and score) and what the person needs (codes: ventilator_24h,
 * medical_device, severe_motor_intellectual, care_level_high, wheelchair, visual, hearing,
 * info_support), without name or address. {@code reportedAt}: when the status was reported.
 */
public record Escalation(long checkId, long residentId, String status, Instant reportedAt, String district, String band,
    int priorityScore, List<String> needs) {}

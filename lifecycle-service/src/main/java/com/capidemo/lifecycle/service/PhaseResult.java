package com.capidemo.lifecycle.service;

/** What one phase of a run did: how many demos or datasets it handled, and how many it could not (retried next run). */
public record PhaseResult(long count, long errors) {}

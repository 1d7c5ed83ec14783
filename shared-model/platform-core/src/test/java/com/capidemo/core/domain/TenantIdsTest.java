package com.capidemo.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantIdsTest {

    @Test
    void aTenantIdStartsWithALetterSoItIsAlsoAValidDatasetName() {
        for (String bad : new String[] {"12345", "123abc", "9zz", "_abc", "ab", "Upper", "has-dash", "x".repeat(51)}) {
            assertThat(TenantIds.isValid(bad)).as(bad).isFalse();
        }
        for (String good : new String[] {"acme", "a12", "default_tenant", "x".repeat(50)}) {
            assertThat(TenantIds.isValid(good)).as(good).isTrue();
            assertThat(TenantIds.isValidDataset(good)).isTrue();
        }
        assertThat(TenantIds.ofProject("my-project-42")).isEqualTo("my_project_42");
    }
}

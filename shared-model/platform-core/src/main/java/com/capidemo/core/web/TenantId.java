package com.capidemo.core.web;

import com.capidemo.core.domain.TenantIds;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A request field that names a tenant: {@link TenantIds}' rule, 422 naming the field otherwise. */
@Pattern(regexp = TenantIds.REGEX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantId {

    String message() default TenantIds.RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

// SPDX-License-Identifier: Apache-2.0
/**
 * Spring Boot auto-configuration for Cairn: migrates the application's {@code DataSource} at
 * start-up, in Spring Boot's database-initialisation order, for Spring Boot 3.5 and 4.0.
 */
package dev.cairn.spring;

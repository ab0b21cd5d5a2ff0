// SPDX-License-Identifier: Apache-2.0
/** The JPA entities of the starter's Hibernate test: one table a migration makes, one no migration makes. */
package dev.cairn.spring.jpa;

// SPDX-License-Identifier: Apache-2.0
/** A Java migration that is both in a scanned {@code classpath:} location and a Spring bean. */
package dev.cairn.spring.scanned;

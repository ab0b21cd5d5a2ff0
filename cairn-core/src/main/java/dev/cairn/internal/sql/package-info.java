// SPDX-License-Identifier: Apache-2.0

/**
 * SQL text: the lexer and the statement splitter with each database's split rules, and
 * {@link dev.cairn.internal.sql.TableName}, the checked identifiers that are safe to put into SQL. Depends
 * on nothing else of Cairn's.
 */
package dev.cairn.internal.sql;

// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A loan of a book, mapped to a table {@code loans} that no migration makes: the table exists only if
 * Hibernate created the schema itself ({@code ddl-auto} other than {@code none}).
 */
@Entity
@Table(name = "loans")
public class Loan {

    @Id
    private Integer id;

    private Integer bookId;

    private String borrower;

    /** For Hibernate, which makes the instances it reads with it. */
    protected Loan() {}

    /** Returns the loan's key. */
    public Integer getId() {
        return id;
    }

    /** Returns the key of the book lent. */
    public Integer getBookId() {
        return bookId;
    }

    /** Returns who borrowed the book. */
    public String getBorrower() {
        return borrower;
    }
}

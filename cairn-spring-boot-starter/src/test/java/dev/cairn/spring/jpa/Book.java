// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A book, in the table {@code books} that the migration in {@code cairn/spring/jpa} makes. It maps
 * {@code id} and {@code title} only: the table's {@code shelf_mark} is the migration's alone, so that a
 * test can tell whether Hibernate re-created the table from this class.
 */
@Entity
@Table(name = "books")
public class Book {

    @Id
    private Integer id;

    @Column(nullable = false, length = 200)
    private String title;

    /** For Hibernate, which makes the instances it reads with it. */
    protected Book() {}

    /**
     * A book to persist.
     *
     * @param id its key
     * @param title its title
     */
    public Book(int id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Returns the book's key. */
    public Integer getId() {
        return id;
    }

    /** Returns the book's title. */
    public String getTitle() {
        return title;
    }
}

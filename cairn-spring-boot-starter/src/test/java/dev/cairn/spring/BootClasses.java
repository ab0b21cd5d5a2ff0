// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

/**
 * Boot's own auto-configurations that moved between 3.5 and 4.0 (into modules of their own), looked up
 * by name so that one test source runs on both lines.
 */
final class BootClasses {

    private BootClasses() {}

    /** The class named {@code boot3} if it is on the class path, or else the one named {@code boot4}. */
    static Class<?> either(String boot3, String boot4) {
        try {
            return Class.forName(boot3);
        } catch (ClassNotFoundException notBoot3) {
            try {
                return Class.forName(boot4);
            } catch (ClassNotFoundException notBoot4) {
                throw new IllegalStateException("Neither " + boot3 + " nor " + boot4 + " is on the class path");
            }
        }
    }
}

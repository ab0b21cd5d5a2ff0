// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import dev.cairn.Cairn;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The actuator endpoint {@code cairn} ({@link CairnEndpoint}), when spring-boot-actuator is on the class
 * path and there is a {@link Cairn} bean. Whether it is exposed (over HTTP or JMX) is the actuator's own
 * {@code management.endpoints.*} configuration.
 */
@AutoConfiguration(after = CairnAutoConfiguration.class)
// The same class and package in Boot 3.5 and 4.0; named as a string, so that this class loads without it.
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(Cairn.class)
public class CairnEndpointAutoConfiguration {

    /** Creates the configuration; Spring Boot does. */
    public CairnEndpointAutoConfiguration() {}

    /**
     * The endpoint, on the application's {@code Cairn}.
     *
     * @param cairn the application's {@code Cairn}
     * @return the endpoint
     */
    @Bean
    @ConditionalOnMissingBean
    public CairnEndpoint cairnEndpoint(Cairn cairn) {
        return new CairnEndpoint(cairn);
    }
}

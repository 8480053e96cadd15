package dev.tandem.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * In production Tandem refuses to start without an administrator password, before any bean (and
 * so before the engine could create an administrator whose password is its user name).
 */
@Configuration
@Profile("prod")
class ProductionGuard {

    static final String MISSING_PASSWORD = "Tandem refuses to start in production without an administrator "
            + "password: set TANDEM_ADMIN_PASSWORD (camunda.bpm.admin-user.password).";

    @Bean
    static BeanFactoryPostProcessor requireAdministratorPassword(Environment environment) {
        return beanFactory -> {
            String password = environment.getProperty("camunda.bpm.admin-user.password");
            if (password == null || password.isBlank()) {
                throw new IllegalStateException(MISSING_PASSWORD);
            }
        };
    }
}

package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.tandem.TandemApplication;
import dev.tandem.catalog.CustomerRepository;
import dev.tandem.common.Groups;

/** Production starts only with an administrator password, and then without demo people or data. */
class ProductionProfileTest {

    private static SpringApplicationBuilder production() {
        return new SpringApplicationBuilder(TandemApplication.class).profiles("prod");
    }

    private static String[] embeddedDatabase(String name) {
        return new String[] {"--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa", "--spring.datasource.password=", "--server.port=0"};
    }

    @Test
    void refusesToStartWithoutAnAdministratorPassword() {
        assertThatThrownBy(() -> production().run(embeddedDatabase("prod-no-password")))
                .isInstanceOf(IllegalStateException.class).hasMessage(ProductionGuard.MISSING_PASSWORD);
    }

    @Test
    void startsWithAPasswordAndCreatesNoDemoUsersOrData() {
        String[] args = embeddedDatabase("prod-with-password");
        String[] withPassword = java.util.Arrays.copyOf(args, args.length + 1);
        withPassword[args.length] = "--camunda.bpm.admin-user.password=s3cret-Admin";
        try (ConfigurableApplicationContext app = production().run(withPassword)) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.checkPassword("admin", "s3cret-Admin")).isTrue();
            assertThat(identity.createUserQuery().userId("hannah").count()).isZero();
            assertThat(identity.createGroupQuery().groupId(Groups.AUDITORS).count()).isOne();
            assertThat(app.getBean(CustomerRepository.class).count()).isZero();
        }
    }
}

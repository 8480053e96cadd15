package dev.tandem.audit.cockpit;

import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.stereotype.Component;

/**
 * Cockpit creates its plugin resources itself (Jersey, outside Spring), so they reach Tandem's
 * services through this holder of the application context.
 */
@Component
class SpringBeans implements ApplicationContextAware {

    private static volatile ApplicationContext context;

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
        context = applicationContext;
    }

    static <T> T get(Class<T> type) {
        if (context == null) {
            throw new IllegalStateException("The application is still starting");
        }
        return context.getBean(type);
    }
}

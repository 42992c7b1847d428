package com.clientsms.app.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a controller that renders HTML pages: refusals become an error page rather than problem details. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface WebPage {}

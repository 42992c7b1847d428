package com.clientsms.command.web;

/** The id of what a POST created; the Location header has its address. */
record Created(String id) {}

/**
 * The {@code hello} misc driver: two misc devices that greet on {@code read} and answer one
 * {@code ioctl}, whose description ships as {@code META-INF/devmodel/ioctls}.
 */
package org.example.hello;

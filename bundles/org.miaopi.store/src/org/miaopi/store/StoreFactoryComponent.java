package org.miaopi.store;

import java.nio.file.Path;

import org.miaopi.core.service.OpenStore;
import org.miaopi.core.service.StoreFactory;
import org.osgi.service.component.annotations.Component;

@Component(service = StoreFactory.class)
public class StoreFactoryComponent implements StoreFactory {

	@Override
	public OpenStore open(Path dir, boolean encrypted) {
		return encrypted ? DeskStore.openDesk(dir) : DeskStore.open(dir, BootSecret.NONE);
	}
}

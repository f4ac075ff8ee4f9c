#include "Application.h"

int main(int argc, char *argv[])
{
    return mq::gui::runApplication(argc, argv);
}
